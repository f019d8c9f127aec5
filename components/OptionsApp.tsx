/** The options page: every setting, each saved as soon as it changes. */
import { useEffect, useState } from 'preact/hooks';
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
import { Switch } from './Switch';

const STYLES: Array<{ value: HighlightStyle; label: string }> = [
  { value: 'underline', label: 'Dotted underline' },
  { value: 'background', label: 'Soft background' },
  { value: 'none', label: 'None (cards still open on hover)' },
];

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [newSite, setNewSite] = useState('');
  const [siteError, setSiteError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

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

  const saved = (message: string) => setStatus(message);
  const addSite = (e: Event) => {
    e.preventDefault();
    const raw = newSite.trim();
    const key = siteKey(/^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`);
    if (!raw || !key) {
      setSiteError('Enter a site such as example.com');
      return;
    }
    setSiteError(null);
    setNewSite('');
    if (!settings.disabledSites.includes(key))
      void persist('disabledSites', [...settings.disabledSites, key]).then(() =>
        saved(`${key} added.`),
      );
  };
  const delay = (key: 'openMs' | 'closeMs', value: string) => {
    const n = Math.round(Number(value));
    if (!Number.isFinite(n) || n < 0 || n > 10000) return;
    void persist('hoverDelays', { ...settings.hoverDelays, [key]: n }).then(() =>
      saved('Delay saved.'),
    );
  };

  return (
    <main class="sc-root sc-options">
      <h1>Source Context options</h1>
      <section class="sc-section">
        <h2 class="sc-section-title">Everywhere</h2>
        <Switch
          label="Mark indexed names on web pages"
          description="When off, Source Context does no work on any page."
          checked={settings.enabled}
          onChange={(on) => void persist('enabled', on).then(() => saved('Saved.'))}
        />
      </section>

      <section class="sc-section">
        <h2 class="sc-section-title">Hover cards</h2>
        <div class="sc-field-row">
          <DelayField
            label="Open after (ms)"
            value={settings.hoverDelays.openMs}
            onChange={(v) => delay('openMs', v)}
          />
          <DelayField
            label="Close after leaving (ms)"
            value={settings.hoverDelays.closeMs}
            onChange={(v) => delay('closeMs', v)}
          />
        </div>
        <fieldset class="sc-fieldset">
          <legend>How names are marked</legend>
          {STYLES.map((s) => (
            <label key={s.value} class="sc-radio">
              <input
                type="radio"
                name="highlight-style"
                value={s.value}
                checked={settings.highlightStyle === s.value}
                onChange={() =>
                  void persist('highlightStyle', s.value).then(() => saved('Style saved.'))
                }
              />
              {s.label}
            </label>
          ))}
        </fieldset>
      </section>

      <section class="sc-section">
        <h2 class="sc-section-title">Sites where it is off</h2>
        {settings.disabledSites.length === 0 ? (
          <p class="sc-empty">None. Switch a site off from the toolbar popup, or add it here.</p>
        ) : (
          <ul class="sc-list">
            {settings.disabledSites.map((site) => (
              <li key={site}>
                <span>{site}</span>
                <button
                  type="button"
                  class="sc-link"
                  aria-label={`Remove ${site}`}
                  onClick={() =>
                    void persist(
                      'disabledSites',
                      settings.disabledSites.filter((s) => s !== site),
                    ).then(() => saved(`${site} removed.`))
                  }
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="sc-add" onSubmit={addSite}>
          <label class="sc-field">
            <span>Add a site</span>
            <input
              type="text"
              placeholder="example.com"
              value={newSite}
              aria-invalid={siteError ? true : undefined}
              aria-describedby={siteError ? 'sc-site-error' : undefined}
              onInput={(e) => setNewSite((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <button type="submit" class="sc-button">
            Add
          </button>
          {siteError && (
            <p id="sc-site-error" class="sc-error">
              {siteError}
            </p>
          )}
        </form>
      </section>

      <section class="sc-section">
        <h2 class="sc-section-title">Muted names</h2>
        {settings.mutedNames.length === 0 ? (
          <p class="sc-empty">None. Use “Not this” on a card to stop a name being marked.</p>
        ) : (
          <ul class="sc-list">
            {settings.mutedNames.map((m) => (
              <li key={`${m.entityId}:${m.text}`}>
                <span>{m.text}</span>
                <button
                  type="button"
                  class="sc-link"
                  aria-label={`Unmute “${m.text}”`}
                  onClick={() =>
                    void persist(
                      'mutedNames',
                      settings.mutedNames.filter((x) => x !== m),
                    ).then(() => saved('Name unmuted.'))
                  }
                >
                  Unmute
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="sc-section">
        <button
          type="button"
          class="sc-button sc-danger"
          onClick={() => {
            if (
              confirm(
                'Reset every setting to its default? Disabled sites and muted names will be cleared.',
              )
            ) {
              void resetSettings()
                .then(() => setSettings({ ...DEFAULT_SETTINGS }))
                .then(() => saved('Defaults restored.'));
            }
          }}
        >
          Reset to defaults
        </button>
      </section>
      <p class="sc-status" role="status" aria-live="polite">
        {status}
      </p>
    </main>
  );
}

function DelayField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number;
  onChange: (value: string) => void;
}) {
  return (
    <label class="sc-field">
      <span>{label}</span>
      <input
        type="number"
        min={0}
        max={10000}
        step={50}
        value={value}
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).value)}
      />
    </label>
  );
}
