/** An on/off switch that is a real checkbox underneath, so keyboards and screen readers know it. */
export interface SwitchProps {
  checked: boolean;
  label: string;
  description?: string;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}

export function Switch({ checked, label, description, disabled, onChange }: SwitchProps) {
  return (
    <label class={`sc-switch${disabled ? ' sc-disabled' : ''}`}>
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <span class="sc-switch-track" aria-hidden="true" />
      <span class="sc-switch-text">
        <span class="sc-switch-label">{label}</span>
        {description && <span class="sc-switch-description">{description}</span>}
      </span>
    </label>
  );
}
