import { useEffect, useState } from 'react';

/** Screens that work; only these appear in the navigation. */
export type Route =
  | { screen: 'overview' }
  | { screen: 'creators' }
  | { screen: 'creator'; id: string }
  | { screen: 'warm-list' }
  | { screen: 'campaigns' }
  | { screen: 'campaign'; id: string }
  | { screen: 'briefs' }
  | { screen: 'brief'; id: string }
  | { screen: 'contracts' }
  | { screen: 'review' }
  | { screen: 'posts' }
  | { screen: 'rights' }
  | { screen: 'trash' }
  | { screen: 'settings' }
  | { screen: 'shipments' }
  | { screen: 'codes' }
  | { screen: 'reports' }
  | { screen: 'follow-ups' }
  | { screen: 'calendar' }
  | { screen: 'tasks' }
  | { screen: 'library' }
  | { screen: 'engage' }
  | { screen: 'swipe-file' };

export function parseRoute(hash: string): Route {
  const [screen, id] = hash.replace(/^#\/?/, '').split('/');
  if (screen === 'creators' && id) return { screen: 'creator', id: decodeURIComponent(id) };
  if (screen === 'briefs' && id) return { screen: 'brief', id: decodeURIComponent(id) };
  if (screen === 'campaigns' && id) return { screen: 'campaign', id: decodeURIComponent(id) };
  if (screen === 'shipments' || screen === 'codes') return { screen };
  if (screen === 'follow-ups') return { screen };
  if (screen === 'calendar' || screen === 'tasks') return { screen };
  if (screen === 'contracts') return { screen };
  if (screen === 'review' || screen === 'posts' || screen === 'rights') return { screen };
  if (screen === 'creators' || screen === 'warm-list' || screen === 'campaigns' || screen === 'briefs' || screen === 'trash' || screen === 'settings') return { screen };
  if (screen === 'reports' || screen === 'library') return { screen };
  if (screen === 'engage' || screen === 'swipe-file') return { screen };
  return { screen: 'overview' };
}

export function hrefFor(route: Route): string {
  if ('id' in route) return `#/${route.screen}s/${encodeURIComponent(route.id)}`;
  return `#/${route.screen}`;
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
