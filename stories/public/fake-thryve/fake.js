// An in-browser fake of Thryve's pages for the static Storybook (no sandbox, no backend). State lives
// in localStorage on this origin. It is a demo stand-in, clearly labelled, not a simulator: the real
// contract is implemented by @thryve-connect/sandbox, which `pnpm start` runs.
const SOURCES = [
  [1, 'Fitbit'],
  [2, 'Garmin'],
  [3, 'Polar'],
  [8, 'Withings'],
  [11, 'Strava'],
  [16, 'Omron Connect'],
  [17, 'Suunto'],
  [18, 'Oura'],
  [21, 'iHealth'],
  [27, 'Beurer'],
  [38, 'Huawei Health'],
  [41, 'Dexcom'],
  [42, 'Whoop'],
  [43, 'Decathlon'],
  [45, 'Komoot'],
  [46, 'FreeStyle Libre'],
];
const KEY = 'thryve-connect:fake-thryve:connected';

export function connected() {
  try {
    return new Set(JSON.parse(localStorage.getItem(KEY) ?? '[1]'));
  } catch {
    return new Set([1]);
  }
}
export function setConnected(id, on) {
  const set = connected();
  if (on) set.add(id);
  else set.delete(id);
  localStorage.setItem(KEY, JSON.stringify([...set]));
}
export const nameOf = (id) => SOURCES.find(([sid]) => sid === id)?.[1] ?? `Data source ${id}`;
export const sources = SOURCES;
export const params = new URLSearchParams(location.search);

/** Where the flow ends: the redirect_uri with Thryve's result parameters, or the result page. */
export function finish(token, dataSource, isConnected) {
  const redirect = params.get('redirect_uri');
  const target = new URL(redirect ?? 'dataSourceDirectConnectionResult.html', location.href);
  if (redirect && new URL(redirect).origin !== location.origin) {
    document.body.textContent = 'redirect_uri is not on the allow-list of this demo.';
    return;
  }
  target.searchParams.set('token', token);
  target.searchParams.set('dataSource', String(dataSource));
  target.searchParams.set('connected', String(isConnected));
  location.replace(target.href);
}
