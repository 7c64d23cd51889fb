import {
  IconBrandInstagram, IconBrandLinkedin, IconBrandPinterest, IconBrandSnapchat, IconBrandTiktok, IconBrandTwitch, IconBrandX, IconBrandYoutube, IconWorld,
} from '@tabler/icons-react';
import type { Platform } from '../../../shared/data/schemas/creators';

const icons: Record<Platform, typeof IconWorld> = {
  instagram: IconBrandInstagram, tiktok: IconBrandTiktok, youtube: IconBrandYoutube, twitch: IconBrandTwitch, pinterest: IconBrandPinterest,
  x: IconBrandX, linkedin: IconBrandLinkedin, snapchat: IconBrandSnapchat, blog: IconWorld, other: IconWorld,
};

export function PlatformIcon({ platform, size = 16 }: { platform: Platform; size?: number }) {
  const Icon = icons[platform] ?? IconWorld;
  return <Icon size={size} aria-label={platform} />;
}
