import { describe, expect, it } from 'vitest';
import type { AdAccessLike } from '../../../src/shared/domain/ad-access';
import { defaultBrandKit } from '../../../src/shared/documents/model';
import { documentRequest, specFor } from '../../../src/shared/documents/requests';
import { guideFromAccess, guideSettingsFromTemplate, guideTemplateValues } from '../../../src/shared/documents/whitelisting-guide';

const w = (over: Partial<AdAccessLike>): { whitelisting: AdAccessLike } => ({
  whitelisting: { status: 'granted', platform: 'tiktok', sparkCode: '#code', accessStartsOn: '2026-12-01', accessExpiresOn: '2027-01-29', adAccount: 'Glow Ads EU', ...over },
});

describe('the ad access guide from what is recorded', () => {
  it('takes the platforms, the last day, the Spark code length and the ad account', () => {
    expect(guideFromAccess([w({}), w({ platform: 'meta', accessStartsOn: null, accessExpiresOn: '2027-03-01', adAccount: 'Glow Ads EU' })])).toEqual({
      platforms: ['meta', 'tiktok'], accessUntil: '2027-03-01', sparkDays: 60, sparkDaysNote: null, adAccount: 'Glow Ads EU',
    });
  });

  it('leaves out revoked, expired and deleted access, and an old “not requested”', () => {
    const none = guideFromAccess([w({ status: 'revoked' }), w({ status: 'expired' }), { ...w({}), deletedAt: '2026-12-02T00:00:00Z' }, w({ status: 'not-requested' })]);
    expect(none).toEqual({ platforms: [], accessUntil: null, sparkDays: null, sparkDaysNote: null, adAccount: '' });
  });

  it('says why a recorded length is no Spark code length instead of stretching it', () => {
    const short = guideFromAccess([w({ accessStartsOn: '2026-12-01', accessExpiresOn: '2026-12-03' })]);
    expect(short.sparkDays).toBeNull();
    expect(short.sparkDaysNote).toBe('The recorded access lasts 3 days, but a Spark code lasts 7 to 365 days: choose the length to ask for.');
  });

  it('prints the ad account in the guide', () => {
    const spec = specFor(documentRequest.parse({
      kind: 'whitelisting-guide', brand: defaultBrandKit, creatorName: 'Ana', creatorInstagram: '', creatorTiktok: 'ana', brandInstagram: 'glow', brandTiktok: 'glow',
      platforms: ['tiktok'], metaBusinessName: '', sparkDays: 60, accessUntil: '29 Jan 2027', sendCodesTo: '', deadline: '', adAccount: 'Glow Ads EU',
    }));
    expect(JSON.stringify(spec.blocks)).toContain('Ads run from the ad account: ');
    expect(JSON.stringify(spec.blocks)).toContain('Glow Ads EU');
  });
});

describe('ad access guide templates', () => {
  const settings = { platforms: ['tiktok' as const], brandInstagram: '', brandTiktok: '@glow', metaBusinessName: 'Glow Ltd', sparkDays: 30, sendCodesTo: 'ads@glow.example', adAccount: 'Glow Ads EU' };
  it('round-trips the brand’s settings through a template’s text values', () => {
    expect(guideSettingsFromTemplate(guideTemplateValues(settings))).toEqual({ settings, problems: [] });
  });
  it('names what it cannot read instead of guessing', () => {
    const back = guideSettingsFromTemplate({ ...guideTemplateValues(settings), platforms: 'tiktok,snapchat', sparkDays: '400' });
    expect(back.settings.sparkDays).toBeNull();
    expect(back.settings.platforms).toEqual(['tiktok']);
    expect(back.problems).toEqual(['The template names “snapchat”, which the guide does not explain.', 'The template’s Spark code length “400” is not 7 to 365 days.']);
  });
});
