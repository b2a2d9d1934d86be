import type { Block, Inline } from "../../lib/markdown";
import { parseMarkdown } from "../../lib/markdown";
import { WebLink } from "./WebLink";

/**
 * A description rendered from the safe Markdown subset, as Preact elements
 * over text nodes. A web link opens in the system browser once the user has
 * confirmed its address; the webview itself never navigates.
 */
export function Markdown({ source }: { source: string }) {
  return (
    <div class="markdown" data-testid="description-preview">
      {parseMarkdown(source).map((block, index) => (
        <MarkdownBlock key={index} block={block} />
      ))}
    </div>
  );
}

/** A paragraph or a list. */
export function MarkdownBlock({ block }: { block: Block }) {
  return block.type === "paragraph" ? (
    <p>
      <Inlines nodes={block.children} />
    </p>
  ) : block.ordered ? (
    <ol>
      <Items items={block.items} />
    </ol>
  ) : (
    <ul>
      <Items items={block.items} />
    </ul>
  );
}

function Items({ items }: { items: Inline[][] }) {
  return (
    <>
      {items.map((item, index) => (
        <li key={index}>
          <Inlines nodes={item} />
        </li>
      ))}
    </>
  );
}

export function Inlines({ nodes }: { nodes: readonly Inline[] }) {
  return (
    <>
      {nodes.map((node, index) => {
        switch (node.type) {
          case "text":
            return node.text;
          case "break":
            return <br key={index} />;
          case "code":
            return <code key={index}>{node.text}</code>;
          case "em":
            return (
              <em key={index}>
                <Inlines nodes={node.children} />
              </em>
            );
          case "strong":
            return (
              <strong key={index}>
                <Inlines nodes={node.children} />
              </strong>
            );
          case "note":
            return <sup key={index}>{node.label}</sup>;
          case "link":
            return (
              <WebLink key={index} url={node.url} class="md-link">
                <Inlines nodes={node.children} />
              </WebLink>
            );
        }
      })}
    </>
  );
}
