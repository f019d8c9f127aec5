/** The options page: every setting, each saved as soon as it changes. */
import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../lib/i18n';
import {
  DEFAULT_SETTINGS,
  getSettings,
  resetSettings,
  setSetting,
  siteKey,
  watchSettings,
  type HighlightStyle,
  type SettingKey,
  type Settings,
} from '../lib/settings';
import { siteLabel } from '../lib/sites';
import { Switch } from './Switch';
import { OwnSourcesSection } from './OwnSourcesSection';

const STYLES: Array<{ value: HighlightStyle; label: MessageKey }> = [
  { value: 'underline', label: 'optionsStyleUnderline' },
  { value: 'background', label: 'optionsStyleBackground' },
  { value: 'none', label: 'optionsStyleNone' },
];

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [newSite, setNewSite] = useState('');
  const [siteError, setSiteError] = useState<string | null>(null);
  /** The last confirmation, shown beside the control it concerns. */
  const [status, setStatus] = useState<{ section: Section; message: string } | null>(null);

  useEffect(() => {
    void getSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  // Show the change at once (controlled inputs must not snap back), then save it.
  const persist = <K extends SettingKey>(key: K, value: Settings[K]) => {
    setSettings((current) => (current ? { ...current, [key]: value } : current));
    return setSetting(key, value);
  };
  if (!settings) return null;

  const saved = (section: Section, message: string) => setStatus({ section, message });
  const statusOf = (section: Section) => (
    <p class="sc-status" id={`sc-status-${section}`} role="status" aria-live="polite">
      {status?.section === section ? status.message : ''}
    </p>
  );
  const addSite = (e: Event) => {
    e.preventDefault();
    const raw = newSite.trim();
    const key = siteKey(/^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`);
    if (!raw || !key || !isHostName(key)) {
      setSiteError(t('optionsSiteInvalid'));
      // The last success ("example.org added") is not news any more beside the error.
      setStatus((s) => (s?.section === 'sites' ? null : s));
      return;
    }
    setSiteError(null);
    setNewSite('');
    if (!settings.disabledSites.includes(key))
      void persist('disabledSites', [...settings.disabledSites, key]).then(() =>
        saved('sites', t('optionsSiteAdded', siteLabel(key))),
      );
  };
  /** Saves a delay typed in a field; returns the error to show beside it, or null when saved. */
  const delay = (key: 'openMs' | 'closeMs', value: string): string | null => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < 0 || n > 10000)
      return t('optionsDelayInvalid');
    void persist('hoverDelays', { ...settings.hoverDelays, [key]: n }).then(() =>
      saved('cards', t('optionsDelaySaved')),
    );
    return null;
  };

  return (
    <main class="sc-root sc-options">
      <h1>{t('optionsTitle')}</h1>
      <section class="sc-section">
        <h2 class="sc-section-title">{t('optionsEverywhere')}</h2>
        <Switch
          label={t('optionsEnabled')}
          description={t('optionsEnabledDescription')}
          checked={settings.enabled}
          onChange={(on) =>
            void persist('enabled', on).then(() => saved('everywhere', t('optionsSaved')))
          }
        />
        {statusOf('everywhere')}
      </section>

      <section class="sc-section">
        <h2 class="sc-section-title">{t('optionsHoverCards')}</h2>
        <div class="sc-field-row">
          <DelayField
            id="sc-delay-open"
            label={t('optionsOpenAfter')}
            value={settings.hoverDelays.openMs}
            onChange={(v) => delay('openMs', v)}
          />
          <DelayField
            id="sc-delay-close"
            label={t('optionsCloseAfter')}
            value={settings.hoverDelays.closeMs}
            onChange={(v) => delay('closeMs', v)}
          />
        </div>
        <Switch
          label={t('optionsEveryMention')}
          description={t('optionsEveryMentionDescription')}
          checked={settings.markEveryMention}
          onChange={(on) =>
            void persist('markEveryMention', on).then(() => saved('cards', t('optionsSaved')))
          }
        />
        <Switch
          label={t('optionsCommonNames')}
          description={t('optionsCommonNamesDescription')}
          checked={settings.markCommonNames}
          onChange={(on) =>
            void persist('markCommonNames', on).then(() => saved('cards', t('optionsSaved')))
          }
        />
        <fieldset class="sc-fieldset">
          <legend>{t('optionsHowMarked')}</legend>
          {STYLES.map((s) => (
            <label key={s.value} class="sc-radio">
              <input
                type="radio"
                name="highlight-style"
                value={s.value}
                checked={settings.highlightStyle === s.value}
                onChange={() =>
                  void persist('highlightStyle', s.value).then(() =>
                    saved('cards', t('optionsStyleSaved')),
                  )
                }
              />
              {t(s.label)}
            </label>
          ))}
        </fieldset>
        {statusOf('cards')}
      </section>

      <OwnSourcesSection />

      <section class="sc-section">
        <h2 class="sc-section-title">{t('optionsSitesOff')}</h2>
        {settings.disabledSites.length === 0 ? (
          <p class="sc-empty">{t('optionsNoSites')}</p>
        ) : (
          <ul class="sc-list">
            {settings.disabledSites.map((site) => (
              <li key={site}>
                <span>{siteLabel(site)}</span>
                <button
                  type="button"
                  class="sc-link"
                  aria-label={t('optionsRemoveSite', siteLabel(site))}
                  onClick={() =>
                    void persist(
                      'disabledSites',
                      settings.disabledSites.filter((s) => s !== site),
                    ).then(() => saved('sites', t('optionsSiteRemoved', siteLabel(site))))
                  }
                >
                  {t('optionsRemove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="sc-add" onSubmit={addSite}>
          <label class="sc-field">
            <span>{t('optionsAddSite')}</span>
            <input
              type="text"
              placeholder={t('optionsSitePlaceholder')}
              value={newSite}
              aria-invalid={siteError ? true : undefined}
              aria-describedby={siteError ? 'sc-site-error' : undefined}
              onInput={(e) => setNewSite((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <button type="submit" class="sc-button">
            {t('optionsAdd')}
          </button>
          {siteError && (
            <p id="sc-site-error" class="sc-error">
              {siteError}
            </p>
          )}
        </form>
        {statusOf('sites')}
      </section>

      <section class="sc-section">
        <h2 class="sc-section-title">{t('optionsNotMarked')}</h2>
        {settings.mutedEntities.length === 0 ? (
          <p class="sc-empty">{t('optionsNoMuted')}</p>
        ) : (
          <ul class="sc-list">
            {settings.mutedEntities.map((m) => (
              <li key={`${m.entityId}:${m.site ?? '*'}`}>
                <span>
                  {m.name}{' '}
                  <span class="sc-muted-scope">
                    — {m.site ? t('optionsMutedOn', m.site) : t('optionsMutedEverywhere')}
                  </span>
                </span>
                <button
                  type="button"
                  class="sc-link"
                  aria-label={t('optionsUnmuteLabel', m.name)}
                  onClick={() =>
                    void persist(
                      'mutedEntities',
                      settings.mutedEntities.filter((x) => x !== m),
                    ).then(() => saved('muted', t('optionsUnmuted', m.name)))
                  }
                >
                  {t('optionsUnmute')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {statusOf('muted')}
      </section>

      <section class="sc-section">
        <button
          type="button"
          class="sc-button sc-danger"
          onClick={() => {
            if (confirm(t('optionsResetConfirm'))) {
              void resetSettings()
                .then(() => setSettings({ ...DEFAULT_SETTINGS }))
                .then(() => saved('reset', t('optionsResetDone')));
            }
          }}
        >
          {t('optionsReset')}
        </button>
        {statusOf('reset')}
      </section>
    </main>
  );
}

function DelayField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  /** Saves the value, or returns why it cannot be saved. */
  onChange: (value: string) => string | null;
}) {
  const [error, setError] = useState<string | null>(null);
  /** What the reader typed while it cannot be saved: kept in the field beside its error. */
  const [typed, setTyped] = useState<string | null>(null);
  return (
    <label class="sc-field">
      <span>{label}</span>
      <input
        type="number"
        min={0}
        max={10000}
        step={50}
        value={typed ?? value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          const text = (e.currentTarget as HTMLInputElement).value;
          const problem = onChange(text);
          setError(problem);
          setTyped(problem ? text : null);
        }}
      />
      {error && (
        <span id={`${id}-error`} class="sc-error sc-field-error">
          {error}
        </span>
      )}
    </label>
  );
}

type Section = 'everywhere' | 'cards' | 'sites' | 'muted' | 'reset';

/** A host name ("example.com", "news.example.co.uk", "localhost", "127.0.0.1"), not "not%20a%20site". */
function isHostName(site: string): boolean {
  return (
    site === 'file://' ||
    site === 'localhost' ||
    /^(?:\d{1,3}\.){3}\d{1,3}$/.test(site) ||
    /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/i.test(site)
  );
}
