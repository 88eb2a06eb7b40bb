import { Box } from '@mui/material';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

// CASE statements may be markdown. Plain text (most of them) skips the parser: a tree has thousands of nodes.
const MARKUP = /[*_`#>[\]|~]|^\s*(\d+\.|[-+])\s/m;

const INLINE = ['p', 'strong', 'em', 'code', 'a', 'del'];
const inlineParagraph: Components = { p: ({ children }) => <>{children}</> };
const PLUGINS = [remarkGfm];

/**
 * A publisher's statement as its markdown (GitHub's dialect, as OpenSALT writes it) means it. react-markdown builds
 * React elements, never HTML: raw HTML in the text stays text, and links with an unsafe scheme are dropped.
 * `inline` keeps a one-line statement in its line; one of several lines (a list, a table) is shown as blocks.
 */
export function Statement({ text, inline = false }: { text: string; inline?: boolean }) {
  if (!MARKUP.test(text)) return <>{text}</>;
  if (inline && !text.includes('\n'))
    return (
      <Markdown allowedElements={INLINE} unwrapDisallowed components={inlineParagraph} remarkPlugins={PLUGINS}>
        {text}
      </Markdown>
    );
  return (
    <Box
      sx={{
        whiteSpace: 'normal',
        '& > :first-of-type': { mt: 0 },
        '& > :last-child': { mb: 0 },
        '& p, & ul, & ol, & table': { my: 0.5 },
        '& table': { borderCollapse: 'collapse' },
        '& th, & td': { border: 1, borderColor: 'divider', px: 1, py: 0.25, textAlign: 'left' },
      }}
    >
      <Markdown remarkPlugins={PLUGINS}>{text}</Markdown>
    </Box>
  );
}
