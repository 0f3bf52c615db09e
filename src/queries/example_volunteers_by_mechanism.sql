-- 不同实施方式的项目,各有多少志愿者参与?
-- 按项目的实施方式汇总:项目数、参与志愿者人数和志愿服务时长,以及每个项目的平均数。
SELECT
  mechanism,
  count(*) AS projects,
  sum(volunteers) AS volunteers,
  round(avg(volunteers), 1) AS volunteers_per_project,
  round(sum(volunteer_hours), 1) AS volunteer_hours,
  round(sum(volunteer_hours) / count(*), 1) AS hours_per_project
FROM projects
GROUP BY mechanism
ORDER BY volunteers_per_project DESC, mechanism
