/** A live Range for measuring or reading: StaticRange has no geometry and no toString(). */
export function liveRange(r: AbstractRange): Range {
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range;
}
