import { BriefScreen } from '../screens/brief-screen';
import { BriefsScreen } from '../screens/briefs-screen';
import { CalendarScreen } from '../screens/calendar/calendar-screen';
import { CampaignScreen } from '../screens/campaign/campaign-screen';
import { CampaignsScreen } from '../screens/campaigns-screen';
import { CodesScreen } from '../screens/codes/codes-screen';
import { ContractsScreen } from '../screens/documents/contracts-screen';
import { CreatorProfileScreen } from '../screens/creator-profile-screen';
import { CreatorsScreen } from '../screens/creators-screen';
import { EngageScreen } from '../screens/engage/engage-screen';
import { FollowUpsScreen } from '../screens/outreach/follow-ups-screen';
import { LibraryScreen } from '../screens/library/library-screen';
import { OverviewScreen } from '../screens/overview-screen';
import { PostsScreen } from '../screens/posts/posts-screen';
import { ReportsScreen } from '../screens/reports/reports-screen';
import { ReviewScreen } from '../screens/review/review-screen';
import { RightsScreen } from '../screens/rights/rights-screen';
import { SettingsScreen } from '../screens/settings-screen';
import { ShipmentsScreen } from '../screens/seeding/shipments-screen';
import { SwipeFileScreen } from '../screens/swipe-file/swipe-file-screen';
import { TasksScreen } from '../screens/tasks/tasks-screen';
import { TrashScreen } from '../screens/trash-screen';
import { WarmListScreen } from '../screens/warm-list-screen';
import type { Route } from './routes';

/** The screen for a route. */
export function ScreenFor({ route }: { route: Route }) {
  switch (route.screen) {
    case 'creators': return <CreatorsScreen />;
    case 'creator': return <CreatorProfileScreen id={route.id} />;
    case 'campaigns': return <CampaignsScreen />;
    case 'campaign': return <CampaignScreen id={route.id} />;
    case 'warm-list': return <WarmListScreen />;
    case 'briefs': return <BriefsScreen />;
    case 'contracts': return <ContractsScreen />;
    case 'brief': return <BriefScreen id={route.id} />;
    case 'review': return <ReviewScreen />;
    case 'posts': return <PostsScreen />;
    case 'rights': return <RightsScreen />;
    case 'trash': return <TrashScreen />;
    case 'settings': return <SettingsScreen />;
    case 'shipments': return <ShipmentsScreen />;
    case 'codes': return <CodesScreen />;
    case 'reports': return <ReportsScreen />;
    case 'follow-ups': return <FollowUpsScreen />;
    case 'calendar': return <CalendarScreen />;
    case 'tasks': return <TasksScreen />;
    case 'library': return <LibraryScreen />;
    case 'engage': return <EngageScreen />;
    case 'swipe-file': return <SwipeFileScreen />;
    default: return <OverviewScreen />;
  }
}
