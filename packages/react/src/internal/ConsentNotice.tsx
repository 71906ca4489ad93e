'use client';
import type { ReactNode } from 'react';
import type { Consent } from '../Consent.js';

export interface ConsentNoticeProps {
  consent: Consent;
  id?: string | undefined;
  /** "Read the privacy notice", in the component's language. */
  linkText: string;
  /** How the user accepts: the picker's sentence about Connect, the widget's button. */
  children: ReactNode;
}

/** The host's privacy notice (text, link or both) and how to accept it. */
export function ConsentNotice({ consent, id, linkText, children }: ConsentNoticeProps) {
  return (
    <div className="thryve-connect-consent" id={id}>
      {consent.text !== undefined && <div className="thryve-connect-consent__text">{consent.text}</div>}
      {consent.href !== undefined && (
        <a className="thryve-connect-link" href={consent.href} target="_blank" rel="noopener noreferrer">
          {linkText}
        </a>
      )}
      {children}
    </div>
  );
}
