import { Button, type ButtonProps } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';

export type TextButtonProps = Omit<ButtonProps, 'children' | 'href'> & {
  /** Always shown, on every screen width (translated like react-admin's labels). */
  label: string;
  /** Shown before the label. */
  icon?: ReactNode;
  /** Makes the button a link to this route. */
  to?: string;
};

/**
 * A button that always shows its label. react-admin's `<Button label>` shows only its icon below 600 px
 * (an icon button with a tooltip), so a labelled button without an icon becomes an empty box on a phone.
 * Use this for every action button instead.
 */
export function TextButton({ label, icon, to, size = 'small', startIcon, ...rest }: TextButtonProps) {
  const translate = useTranslate();
  const text = translate(label, { _: label });
  if (to)
    return (
      <Button component={Link} to={to} size={size} startIcon={startIcon ?? icon} {...rest}>
        {text}
      </Button>
    );
  return (
    <Button size={size} startIcon={startIcon ?? icon} {...rest}>
      {text}
    </Button>
  );
}
