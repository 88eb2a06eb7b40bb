import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { display, type FigureTable } from './tables';

/** A figure's figures as a real table: caption, column headers and a row header per row. */
export function DataTable({ table }: { table: FigureTable }) {
  return (
    <Box sx={{ mt: 1, mb: 2 }}>
      <Box
        role="region"
        aria-label={table.caption}
        tabIndex={0}
        sx={{ overflowX: 'auto', '@media print': { overflow: 'visible' } }}
      >
        <Table size="small" sx={{ '& caption': { captionSide: 'top', fontWeight: 600, color: 'text.primary', px: 0 } }}>
          <caption>{table.caption}</caption>
          <TableHead>
            <TableRow>
              {table.columns.map((c, i) => (
                <TableCell key={c.label} align={i === 0 || !c.format ? 'left' : 'right'} scope="col">
                  {c.label}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {table.rows.map((row, r) => (
              <TableRow key={r}>
                {row.map((cell, i) => {
                  const text = display(cell, table.columns[i]?.format);
                  const numeric = i > 0 && !!table.columns[i]?.format;
                  if (i === 0) {
                    const link = table.links?.[r];
                    return (
                      <TableCell key={i} component="th" scope="row">
                        {link ? <Link to={link}>{text}</Link> : text}
                      </TableCell>
                    );
                  }
                  return (
                    <TableCell key={i} align={numeric ? 'right' : 'left'} sx={{ whiteSpace: 'nowrap' }}>
                      {text}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      {table.note && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {table.note}
        </Typography>
      )}
    </Box>
  );
}
