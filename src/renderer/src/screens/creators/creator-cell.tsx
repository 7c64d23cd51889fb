import { platformLabels } from '../../../../shared/data/schemas/creators';
import { leadAccount, lowestRate, type ColumnContext, type ColumnId } from '../../../../shared/domain/creator-columns';
import { formatMoney } from '../../../../shared/domain/fields';
import { tierFor, tierLabels } from '../../../../shared/domain/tiers';
import { presenceColor } from '../../../../shared/sync/presence';
import { initials } from '../../../../shared/domain/initials';
import { PlatformIcon } from '../../components/platform-icon';
import type { CreatorRow } from '../creator-row';
import classes from './creators-table.module.css';
import { count, percent } from './number-format';
import { daysAgo, shortDate } from './relative-date';

interface Props {
  row: CreatorRow;
  column: ColumnId;
  ctx: ColumnContext;
}

const none = <span className={classes.dimmed}>—</span>;

type BadgeColor = 'gray' | 'grape' | 'fanfare' | 'blue' | 'red';

/** A light badge in one of the theme's colours, as Mantine draws them (colours in the stylesheet: no style to parse per badge). */
function badge(text: string, color: BadgeColor, size?: 'xs', key?: number) {
  return <span key={key} className={classes.badge} data-size={size} data-color={color}>{text}</span>;
}

/** A few chips and "+2": a list cell never wraps, so rows stay one height. */
function chips(values: string[], color: BadgeColor, max = 2) {
  if (!values.length) return none;
  return (
    <span className={classes.inline}>
      {/* Keyed by place: the next creator's chips rewrite these rather than replace them. */}
      {values.slice(0, max).map((v, i) => badge(v, color, undefined, i))}
      {values.length > max && <span className={classes.more}>{`+${values.length - max}`}</span>}
    </span>
  );
}

/**
 * One cell of the creator list; what each column shows (its sort and export rules are in
 * creator-columns). Text is joined into one string per element (`@${handle}`, not "@" and the
 * handle): each separate piece is one more text node to lay out whenever the rows change.
 */
export function CreatorCell({ row, column, ctx }: Props) {
  switch (column) {
    case 'name':
      return (
        <>
          <span className={classes.primary}>{row.name}</span>
          <span className={classes.secondary}>{row.primaryEmail || 'No email yet'}</span>
        </>
      );
    case 'accounts': {
      // The account whose followers the Followers column shows, so the two read as one account.
      const lead = leadAccount(row);
      if (!lead) return none;
      return (
        <span className={classes.inline} title={row.accounts.map((a) => `${platformLabels[a.platform]} @${a.handle}`).join('\n')}>
          <span className={classes.handle}><PlatformIcon platform={lead.platform} size={14} /><span className={classes.clip}>{`@${lead.handle}`}</span></span>
          {row.accounts.length > 1 && (
            <span className={classes.more}>{row.accounts.filter((a) => a !== lead).slice(0, 3).map((a) => <PlatformIcon key={`${a.platform}-${a.handle}`} platform={a.platform} size={14} />)}</span>
          )}
        </span>
      );
    }
    case 'followers': {
      // followersMax counts an unknown figure as 0; a creator whose counts are all unknown has none to show.
      if (!row.accounts.some((a) => a.followers != null)) return none;
      const tier = tierFor(row.followersMax, ctx.thresholds);
      return <span className={classes.inline} data-align="right">{tier && badge(tierLabels[tier], 'gray', 'xs')}{count(row.followersMax)}</span>;
    }
    case 'engagement':
      return row.engagementRateBest == null ? none : <>{percent(row.engagementRateBest)}</>;
    case 'tier': {
      const tier = row.accounts.length ? tierFor(row.followersMax, ctx.thresholds) : null;
      return tier ? badge(tierLabels[tier], 'gray') : <span className={classes.dimmed}>Under {count(ctx.thresholds.nano)}</span>;
    }
    case 'avgViews': {
      const views = row.accounts.map((a) => a.avgViews).filter((v): v is number => v != null);
      return views.length ? <>{count(Math.max(...views))}</> : none;
    }
    case 'location': {
      const country = ctx.countryName(row.location.country);
      if (!row.location.city && !country) return none;
      return <>{[row.location.city, country].filter(Boolean).join(', ')}</>;
    }
    case 'languages':
      return row.languages.length ? <>{row.languages.map(ctx.languageName).join(', ')}</> : none;
    case 'niches':
      return chips(row.niches, 'grape');
    case 'tags':
      return chips(row.tags, 'fanfare');
    case 'owner': {
      if (!row.ownerId) return <span className={classes.dimmed}>No owner</span>;
      const name = ctx.ownerName(row.ownerId);
      return (
        <span className={classes.inline}>
          <span className={classes.avatar} style={{ background: presenceColor(row.ownerId) }} aria-hidden>{initials(name)}</span>
          <span className={classes.clip}>{name}</span>
        </span>
      );
    }
    case 'campaigns': {
      const campaigns = ctx.facts(row.id).campaigns;
      if (!campaigns.length) return <span className={classes.dimmed}>Not in a campaign</span>;
      const [first] = campaigns;
      return (
        <span className={classes.inline}>
          <span className={classes.clip}>{ctx.campaignName(first.campaignId)}</span>
          {badge(ctx.stepName(first.campaignId, first.stepId), 'blue', 'xs')}
          {campaigns.length > 1 && <span className={classes.more}>{`+${campaigns.length - 1}`}</span>}
        </span>
      );
    }
    case 'lastContacted': {
      const at = ctx.facts(row.id).lastContactedAt;
      return at ? <span title={new Date(at).toLocaleString()}>{daysAgo(at)}</span> : <span className={classes.dimmed}>Never</span>;
    }
    case 'email':
      return row.primaryEmail ? <>{row.primaryEmail}</> : none;
    case 'phone':
      return row.phone ? <>{row.phone}</> : none;
    case 'manager':
      return row.manager && (row.manager.name || row.manager.agency)
        ? <>{[row.manager.name, row.manager.agency].filter(Boolean).join(' · ')}</> : none;
    case 'vetting': {
      const score = ctx.facts(row.id).vettingScore;
      return score == null ? <span className={classes.dimmed}>Not scored</span> : <>{score.toFixed(1)} <span className={classes.dimmed}>/ 5</span></>;
    }
    case 'posts': {
      const posts = ctx.facts(row.id).posts;
      return posts ? <>{posts}</> : none;
    }
    case 'postEngagement': {
      const rate = ctx.facts(row.id).postEngagementRate;
      return rate == null ? none : <>{percent(rate)}</>;
    }
    case 'onTime': {
      const rate = ctx.facts(row.id).onTimeRate;
      // Whole percents, as the Warm list shows it: a share of a few posts.
      return rate == null ? none : <>{percent(rate, 0)}</>;
    }
    case 'safety':
      return row.brandSafetyFlags.length ? chips(row.brandSafetyFlags, 'red', 1) : <span className={classes.dimmed}>No flags</span>;
    case 'status':
      if (row.status === 'active') return <span className={classes.dimmed}>Active</span>;
      return row.status === 'archived' ? badge('Archived', 'gray') : badge('Do not contact', 'red');
    case 'rate': {
      const low = lowestRate(row);
      return low ? <span title={low.deliverable}>{formatMoney(low.price)}</span> : none;
    }
    case 'added':
      return <>{shortDate(row.createdAt)}</>;
    case 'updated':
      return <>{shortDate(row.updatedAt)}</>;
  }
}
