/** What a release's licence lets a reader do, in plain Chinese (for /data/). */
export function licenceText(name: string | null, publisher: string, title: string): string {
  const cite = `请注明来源：${publisher}《${title}》`;
  switch ((name ?? '').toUpperCase()) {
    case 'CC-BY-4.0':
      return `知识共享 署名 4.0 国际许可（CC BY 4.0）：任何人都可以自由复制、分发、改编这些数据，包括用于商业目的，只需注明出处。${cite}。`;
    case 'CC0-1.0':
      return '知识共享 CC0 1.0：发布方放弃了一切权利，任何人都可以不受限制地使用这些数据。';
    case 'ODC-BY-1.0':
      return `开放数据共享署名许可（ODC-By 1.0）：可以自由使用、分享和改编，只需注明出处。${cite}。`;
    case '':
      return `发布方没有声明许可。使用前请向发布方确认；引用时${cite}。`;
    default:
      return `许可：${name}。详细条件见该许可的全文；引用时${cite}。`;
  }
}
