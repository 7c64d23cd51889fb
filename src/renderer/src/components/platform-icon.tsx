import { platformLabels, type Platform } from '../../../shared/data/schemas/creators';
import classes from './platform-icon.module.css';

/** A platform's logo, in the colour of the text around it. */
export function PlatformIcon({ platform, size = 16 }: { platform: Platform; size?: number }) {
  return <span role="img" aria-label={platformLabels[platform] ?? platform} className={classes.icon} data-platform={platform} style={{ width: size, height: size }} />;
}
