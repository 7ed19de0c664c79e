import { setThemeChoice, THEME_CHOICES, THEME_LABELS, useThemeChoice } from './theme';

/** Settings › Appearance: the theme, as a radio group (also in View › Theme in the menu). */
export function ThemeSetting() {
  const choice = useThemeChoice();
  return (
    <fieldset className="theme-setting">
      <legend>Theme</legend>
      {THEME_CHOICES.map((option) => (
        <p key={option}>
          <input
            id={`theme-${option}`}
            type="radio"
            name="theme"
            value={option}
            checked={choice === option}
            onChange={() => setThemeChoice(option)}
          />{' '}
          <label htmlFor={`theme-${option}`}>{THEME_LABELS[option]}</label>
        </p>
      ))}
      <p className="muted">
        “Follow the system” uses your computer’s light or dark setting. Windows high contrast themes are always followed.
      </p>
    </fieldset>
  );
}
