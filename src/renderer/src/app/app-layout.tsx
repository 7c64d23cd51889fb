import { AppShell, Burger, Group, Kbd, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { spotlight } from '@mantine/spotlight';
import { IconFileText, IconFlame, IconHome2, IconPhotoVideo, IconSearch, IconSettings, IconSpeakerphone, IconTrash, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { BriefScreen } from '../screens/brief-screen';
import { BriefsScreen } from '../screens/briefs-screen';
import { CampaignScreen } from '../screens/campaign/campaign-screen';
import { CampaignsScreen } from '../screens/campaigns-screen';
import { CreatorProfileScreen } from '../screens/creator-profile-screen';
import { CreatorsScreen } from '../screens/creators-screen';
import { LibraryScreen } from '../screens/library/library-screen';
import { NoWorkspaceScreen } from '../screens/no-workspace-screen';
import { OverviewScreen } from '../screens/overview-screen';
import { SettingsScreen } from '../screens/settings-screen';
import { TrashScreen } from '../screens/trash-screen';
import { WarmListScreen } from '../screens/warm-list-screen';
import { CatchUpIndicator } from './catch-up-indicator';
import { CommandPalette } from './command-palette';
import { ErrorBoundary } from './error-boundary';
import { hrefFor, useRoute, type Route } from './routes';
import { SampleBanner } from './sample-banner';
import { SyncIndicator } from './sync-indicator';
import { TeammatesOnline } from './teammates-online';
import { useAnnouncePresence } from './use-announce-presence';
import { ThemeToggle } from './theme-toggle';
import { useUndoShortcuts } from './use-undo-shortcuts';
import { useWorkspace } from './workspace-context';
import { WorkspaceSwitcher } from './workspace-switcher';

const nav: { route: Route; label: string; icon: ReactNode }[] = [
  { route: { screen: 'overview' }, label: 'Overview', icon: <IconHome2 size={18} /> },
  { route: { screen: 'creators' }, label: 'Creators', icon: <IconUsers size={18} /> },
  { route: { screen: 'warm-list' }, label: 'Warm list', icon: <IconFlame size={18} /> },
  { route: { screen: 'campaigns' }, label: 'Campaigns', icon: <IconSpeakerphone size={18} /> },
  { route: { screen: 'briefs' }, label: 'Briefs', icon: <IconFileText size={18} /> },
  { route: { screen: 'library' }, label: 'Library', icon: <IconPhotoVideo size={18} /> },
  { route: { screen: 'trash' }, label: 'Trash', icon: <IconTrash size={18} /> },
  { route: { screen: 'settings' }, label: 'Settings', icon: <IconSettings size={18} /> },
];

function screenFor(route: Route) {
  switch (route.screen) {
    case 'creators': return <CreatorsScreen />;
    case 'creator': return <CreatorProfileScreen id={route.id} />;
    case 'campaigns': return <CampaignsScreen />;
    case 'campaign': return <CampaignScreen id={route.id} />;
    case 'warm-list': return <WarmListScreen />;
    case 'briefs': return <BriefsScreen />;
    case 'brief': return <BriefScreen id={route.id} />;
    case 'trash': return <TrashScreen />;
    case 'settings': return <SettingsScreen />;
    case 'library': return <LibraryScreen />;
    default: return <OverviewScreen />;
  }
}

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const route = useRoute();
  const { session } = useWorkspace();
  useUndoShortcuts();
  useAnnouncePresence(route);
  const active = route.screen === 'creator' ? 'creators' : route.screen === 'brief' ? 'briefs' : route.screen === 'campaign' ? 'campaigns' : route.screen;

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Show navigation" />
            <Text fw={800} size="lg" c="fanfare.7">Fanfare</Text>
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
      <AppShell.Navbar p="sm">
        <ScrollArea>
          {session && nav.map((item) => (
            <NavLink key={item.label} href={hrefFor(item.route)} label={item.label} leftSection={item.icon}
              active={active === item.route.screen} onClick={close} variant="light" style={{ borderRadius: 8 }} />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        {session ? (
          <>
            <SampleBanner />
            <ErrorBoundary key={`${session.id}-${active}`} area={nav.find((n) => n.route.screen === active)?.label ?? 'This screen'}>
              {screenFor(route)}
            </ErrorBoundary>
            <CommandPalette />
          </>
        ) : (
          <NoWorkspaceScreen />
        )}
      </AppShell.Main>
    </AppShell>
  );
}
