import { AppShell, Burger, Group, Kbd, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { spotlight } from '@mantine/spotlight';
import { IconCalendar, IconChartBar, IconChecklist, IconEyeCheck, IconLicense, IconPhotoCheck, IconPhotoVideo, IconFileCertificate, IconFileText, IconFlame, IconHeartHandshake, IconHome2, IconMailFast, IconBulb, IconPackage, IconSearch, IconSettings, IconSpeakerphone, IconTicket, IconTrash, IconUsers } from '@tabler/icons-react';
import { Fragment, useEffect, type ReactNode } from 'react';
import { NoWorkspaceScreen } from '../screens/no-workspace-screen';
import { RightsAlertsWatcher } from '../screens/rights/rights-alerts-watcher';
import { MyTasksCount } from '../screens/tasks/my-tasks-count';
import { EngageCount } from '../screens/engage/engage-count';
import { CatchUpIndicator } from './catch-up-indicator';
import { CommandPalette } from './command-palette';
import { ErrorBoundary } from './error-boundary';
import { hrefFor, useRoute, type Route } from './routes';
import { SampleBanner } from './sample-banner';
import { ScreenFor } from './screen-for';
import { SkipLink } from './skip-link';
import { SyncIndicator } from './sync-indicator';
import { TeammatesOnline } from './teammates-online';
import { UnsavedChangesBanner } from './unsaved-changes-banner';
import { useAnnouncePresence } from './use-announce-presence';
import { ThemeToggle } from './theme-toggle';
import { useUndoShortcuts } from './use-undo-shortcuts';
import { useWorkspace } from './workspace-context';
import { askToKeepStorage } from '../data/browser-storage';
import { WorkspaceSwitcher } from './workspace-switcher';

/** The navigation, in the order of a campaign's life; a heading starts each part (`section`). */
const nav: { route: Route; label: string; icon: ReactNode; section?: string }[] = [
  { route: { screen: 'overview' }, label: 'Overview', icon: <IconHome2 size={18} /> },
  { route: { screen: 'tasks' }, label: 'My tasks', icon: <IconChecklist size={18} /> },
  { route: { screen: 'calendar' }, label: 'Calendar', icon: <IconCalendar size={18} /> },
  { route: { screen: 'creators' }, label: 'Creators', icon: <IconUsers size={18} />, section: 'Creators' },
  { route: { screen: 'warm-list' }, label: 'Warm list', icon: <IconFlame size={18} /> },
  { route: { screen: 'swipe-file' }, label: 'Swipe file', icon: <IconBulb size={18} /> },
  { route: { screen: 'campaigns' }, label: 'Campaigns', icon: <IconSpeakerphone size={18} />, section: 'Campaigns' },
  { route: { screen: 'follow-ups' }, label: 'Follow-ups', icon: <IconMailFast size={18} /> },
  { route: { screen: 'briefs' }, label: 'Briefs', icon: <IconFileText size={18} /> },
  { route: { screen: 'contracts' }, label: 'Contracts', icon: <IconFileCertificate size={18} /> },
  { route: { screen: 'shipments' }, label: 'Seeding', icon: <IconPackage size={18} />, section: 'After the yes' },
  { route: { screen: 'codes' }, label: 'Codes & links', icon: <IconTicket size={18} /> },
  { route: { screen: 'review' }, label: 'Content review', icon: <IconEyeCheck size={18} /> },
  { route: { screen: 'posts' }, label: 'Posts & metrics', icon: <IconPhotoCheck size={18} /> },
  { route: { screen: 'engage' }, label: 'Engage', icon: <IconHeartHandshake size={18} /> },
  { route: { screen: 'rights' }, label: 'Usage rights', icon: <IconLicense size={18} /> },
  { route: { screen: 'library' }, label: 'Library', icon: <IconPhotoVideo size={18} /> },
  { route: { screen: 'reports' }, label: 'Reports', icon: <IconChartBar size={18} />, section: 'Results' },
  { route: { screen: 'trash' }, label: 'Trash', icon: <IconTrash size={18} />, section: 'Workspace' },
  { route: { screen: 'settings' }, label: 'Settings', icon: <IconSettings size={18} /> },
];

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const route = useRoute();
  const { session } = useWorkspace();
  useUndoShortcuts();
  useAnnouncePresence(route);
  // The browser's copy may be the only one: ask it to keep it (Settings → Storage says what it answered).
  useEffect(() => void askToKeepStorage(), []);
  const active = route.screen === 'creator' ? 'creators' : route.screen === 'brief' ? 'briefs' : route.screen === 'campaign' ? 'campaigns' : route.screen;

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 216, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Show navigation" />
            <Text fw={800} size="lg" c="fanfare">Fanfare</Text>
            <WorkspaceSwitcher />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <TeammatesOnline />
            <CatchUpIndicator />
            <SyncIndicator />
            {session && (
              <UnstyledButton onClick={() => spotlight.open()} aria-label="Search and jump" px="sm" py={6}
                style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}>
                <Group gap={8} wrap="nowrap">
                  <IconSearch size={16} />
                  <Text size="sm" c="dimmed" visibleFrom="sm">Search creators, campaigns…</Text>
                  <Kbd size="xs">Ctrl K</Kbd>
                </Group>
              </UnstyledButton>
            )}
            <ThemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      {/* Tight enough that Settings, the last item, shows at 720 px high; shorter windows scroll the list, not the page. */}
      <AppShell.Navbar p={6} aria-label="Screens">
        <AppShell.Section grow component={ScrollArea} scrollbarSize={6}>
          {session && nav.map((item) => (
            <Fragment key={item.label}>
            {item.section && <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt={8} pb={2} style={{ letterSpacing: 0.4 }}>{item.section}</Text>}
            <NavLink href={hrefFor(item.route)} label={item.label} leftSection={item.icon}
              rightSection={item.route.screen === 'tasks' ? <MyTasksCount /> : item.route.screen === 'engage' ? <EngageCount /> : undefined}
              active={active === item.route.screen} onClick={close} variant="light" py={4} style={{ borderRadius: 8 }} />
            </Fragment>
          ))}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} style={{ outline: 'none' }}>
        <UnsavedChangesBanner />
        {session ? (
          <>
            <SampleBanner />
            <ErrorBoundary key={`${session.id}-${active}`} area={nav.find((n) => n.route.screen === active)?.label ?? 'This screen'}>
              <ScreenFor route={route} />
            </ErrorBoundary>
            <CommandPalette />
            <RightsAlertsWatcher />
          </>
        ) : (
          <NoWorkspaceScreen />
        )}
      </AppShell.Main>
    </AppShell>
  );
}
