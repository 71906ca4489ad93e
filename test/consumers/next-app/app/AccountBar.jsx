'use client';

/**
 * The app's own account bar: signs another user in and switches the language in the browser, without
 * a reload (as a client-side auth library or a language menu does).
 */
export function AccountBar({ userKey, onSignIn, locale, onLocaleChange }) {
  const signIn = async (event) => {
    event.preventDefault();
    const response = await fetch('/api/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: new FormData(event.currentTarget).get('user') }),
    });
    if (response.ok) onSignIn((await response.json()).user);
  };
  return (
    <header>
      <p id="signed-in">{userKey ? `Signed in as ${userKey}` : 'Signed out'}</p>
      <form onSubmit={signIn}>
        <label>
          User <input name="user" required pattern="[A-Za-z0-9\-]{1,80}" />
        </label>
        <button type="submit">Sign in</button>
      </form>
      <label>
        Language{' '}
        <select value={locale} onChange={(event) => onLocaleChange(event.target.value)}>
          <option value="en">English</option>
          <option value="de">Deutsch</option>
        </select>
      </label>
    </header>
  );
}
