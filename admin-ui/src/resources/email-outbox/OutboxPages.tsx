import { Box, Typography } from '@mui/material';
import { Datagrid, Labeled, List, SearchInput, Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin';
import { DayField } from '../../layout/dates';
import { ListEmpty } from '../../layout/ListEmpty';
import { RowLinkField } from '../../layout/RowLinkField';

interface Message {
  id: string;
  toAddress: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

const filters = [<SearchInput key="q" source="q" alwaysOn placeholder="Search recipient or subject" />];

/** The email Emerge would have sent, when no mail server is configured (development, demos). */
export function OutboxList() {
  return (
    <List empty={<ListEmpty />} filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} title="Outbox">
      <Datagrid empty={<ListEmpty />} rowClick="show" bulkActionButtons={false}>
        <RowLinkField source="subject" label="Subject" />
        <TextField source="toAddress" label="To" />
        <DayField source="createdAt" showTime label="Sent" />
      </Datagrid>
    </List>
  );
}

function Body() {
  const m = useRecordContext<Message>();
  if (!m) return null;
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Labeled label="Headers">
        <Box component="dl" sx={{ m: 0, fontFamily: 'monospace', fontSize: 13, overflowWrap: 'anywhere' }}>
          {Object.entries(m.headers).map(([k, v]) => (
            <div key={k}>
              <Box component="dt" sx={{ display: 'inline', fontWeight: 700 }}>
                {k}:
              </Box>{' '}
              <Box component="dd" sx={{ display: 'inline', m: 0 }}>
                {v}
              </Box>
            </div>
          ))}
        </Box>
      </Labeled>
      <Labeled label="As HTML">
        {/* Fully sandboxed: nothing in a message runs or navigates the console. */}
        <Box
          component="iframe"
          title={`HTML of “${m.subject}”`}
          sandbox=""
          srcDoc={m.html}
          sx={{ width: '100%', height: 360, border: 1, borderColor: 'divider' }}
        />
      </Labeled>
      <Labeled label="As plain text">
        <Typography component="pre" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: 14, m: 0 }}>
          {m.text}
        </Typography>
      </Labeled>
    </Box>
  );
}

export function OutboxShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="subject" />
        <TextField source="toAddress" label="To" />
        <DayField source="createdAt" showTime label="Sent" />
        <TextField source="messageId" label="Message-ID" />
        <Body />
      </SimpleShowLayout>
    </Show>
  );
}
