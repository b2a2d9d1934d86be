import { highlight } from "../../lib/highlight";

/** `text` with the search's matched words in <mark>, all as text nodes. */
export function Highlight({ text, words }: { text: string; words: readonly string[] }) {
  return (
    <>
      {highlight(text, words).map((piece, index) => (piece.match ? <mark key={index}>{piece.text}</mark> : piece.text))}
    </>
  );
}
