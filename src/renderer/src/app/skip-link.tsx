import type { MouseEvent } from 'react';
import classes from './skip-link.module.css';

/** Past the header and the navigation in one key press, to the screen's own heading (or its content). */
export function SkipLink() {
  const skip = (e: MouseEvent<HTMLAnchorElement>) => {
    // A hash link would be taken as a move to another screen: the app's routes live in the hash.
    e.preventDefault();
    const main = document.getElementById('main-content');
    const target = main?.querySelector<HTMLElement>('h1[tabindex]') ?? main;
    target?.focus();
  };
  return <a href="#main-content" className={classes.link} onClick={skip}>Skip to main content</a>;
}
