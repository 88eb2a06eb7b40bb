import AddIcon from '@mui/icons-material/Add';
import { Box, Typography } from '@mui/material';
import {
  EmptyClasses,
  useCanAccess,
  useCreatePath,
  useGetResourceLabel,
  useListContext,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import { session } from '../providers/session';
import { TextButton } from './TextButton';

interface Words {
  /** What the list holds, when it holds nothing ("No nominations yet"). */
  none: string;
  /** What to do, for a role that can add one (the Create button is then shown under it); by role where it differs. */
  add?: string | Record<string, string>;
  /** The Create button's words, when the list's own toolbar says it another way. */
  createLabel?: string;
  /** Where they come from, for a role that cannot add one; by role where it differs. */
  from: string | Record<string, string>;
}

/** Every list's empty state says what to do next (issue #15), in the words of the person looking at it. */
const WORDS: Record<string, Words> = {
  candidates: {
    none: 'No candidates yet',
    from: {
      educator:
        'You are not a candidate yet. A candidacy starts when HR approves a nomination of you; you or a colleague can nominate you from Nominations.',
      principal:
        'A candidate appears here when HR approves a nomination of someone at your schools. Nominate from Nominations.',
      default: 'A candidate appears here when HR approves a nomination. Review them under Nominations.',
    },
  },
  nominations: {
    none: 'No nominations yet',
    add: {
      educator:
        'A nomination of you appears here once HR approves it. You can also nominate yourself or a colleague of your school.',
      default: 'Put an emerging leader forward: their name, the role you see them in, and why.',
    },
    createLabel: 'Nominate someone',
    from: 'Nominations appear here when principals, colleagues and educators put someone forward.',
  },
  assignments: {
    none: 'No assignments yet',
    from: {
      educator:
        'Your program coordinator assigns leadership experiences once you have accepted a nomination. Meanwhile, browse Opportunities and say you are interested in one.',
      default: 'Assign candidates from an opportunity’s page: open Opportunities, choose one, then Assign a candidate.',
    },
  },
  opportunities: {
    none: 'No development opportunities yet',
    add: 'Add the experiences the district offers: shadowing, committees, coursework.',
    from: 'The leadership-program coordinators add them; check back soon.',
  },
  mentors: {
    none: 'No mentors yet',
    from: {
      hr: 'Mark an educator as a mentor, with how many mentees they take, on the educator’s page (Mentor section).',
      default: 'HR marks educators as mentors; they appear here then, with their room for mentees.',
    },
  },
  'review-sessions': {
    none: 'No talent review sessions yet',
    add: 'Convene one for a role or a group of schools, and invite the principals and coordinators who know the candidates.',
    createLabel: 'Convene a session',
    from: 'HR or the superintendent invite you to the sessions you review; they appear here then.',
  },
  positions: {
    none: 'No positions yet',
    add: 'Add the leadership seats you plan for, with when each is likely to open, so the bench can be read.',
    from: 'HR adds the leadership seats the district plans for.',
  },
  educators: {
    none: 'No educators yet',
    add: 'Import the roster from your HR system, or add people one at a time.',
    from: 'HR imports the district roster; the people of your schools appear here then.',
  },
  'leadership-roles': {
    none: 'No leadership roles yet',
    add: 'Add the roles you grow leaders for: teacher leader, assistant principal…',
    from: 'HR sets up the leadership roles the district grows leaders for.',
  },
  'competency-frameworks': {
    none: 'No frameworks yet',
    add: 'Create your district’s framework, or import one from a framework file.',
    from: 'HR and the coordinators add the district’s competency frameworks.',
  },
  schools: {
    none: 'No schools yet',
    add: 'Add the schools of your district so people and positions can belong to them.',
    from: 'Your HR office has not added schools yet.',
  },
  users: {
    none: 'No accounts yet',
    add: 'Create an account for each person who signs in, or give an educator a login from their page.',
    from: 'HR creates the accounts of the district.',
  },
  districts: {
    none: 'No districts yet',
    add: 'Create a district, then its first HR account.',
    from: 'The installation’s administrator adds districts.',
  },
  'email-outbox': {
    none: 'No email yet',
    from: 'Without a mail server (SMTP_URL), the email Emerge would send is kept here: approve a nomination, and the nominee’s message appears within seconds.',
  },
};

/**
 * The empty state of a list, for `<List empty>` and `<Datagrid empty>` alike: with filters on, how to get results
 * back; without, what the list will hold and what to do (with the Create button for a role that may add one).
 */
export function ListEmpty() {
  const resource = useResourceContext() ?? '';
  const { filterValues, setFilters } = useListContext();
  const { canAccess: canCreate } = useCanAccess({ resource, action: 'create' });
  const label = useGetResourceLabel()(resource, 0).toLowerCase();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const words = WORDS[resource];
  const role = session.user()?.role ?? '';
  const filtered = filterValues && Object.keys(filterValues).length > 0;
  const byRole = (w: string | Record<string, string> | undefined) =>
    typeof w === 'string' || w === undefined ? w : (w[role] ?? w.default);
  const from = byRole(words?.from);
  const add = byRole(words?.add);
  return (
    <Box className={EmptyClasses.message} sx={{ textAlign: 'center', py: 4, px: 2 }}>
      {filtered ? (
        <>
          <Typography>{translate('ra.navigation.no_filtered_results', { name: label })}</Typography>
          <TextButton label="Clear filters" variant="outlined" sx={{ mt: 2 }} onClick={() => setFilters({}, [])} />
        </>
      ) : (
        <>
          <Typography variant="h6" component="p">
            {words?.none ?? `No ${label} yet`}
          </Typography>
          <Typography>{(canCreate && add) || from || ''}</Typography>
          {/* A labelled button on every width: react-admin's CreateButton turns into a floating "+" on a phone. */}
          {canCreate && add && (
            <TextButton
              label={words?.createLabel ?? 'ra.action.create'}
              icon={<AddIcon />}
              variant="contained"
              size="medium"
              to={createPath({ resource, type: 'create' })}
              sx={{ mt: 2 }}
            />
          )}
        </>
      )}
    </Box>
  );
}
