// /server-widget without the widget: the baseline of the bytes the widget adds (scripts/bench/rscPage.mjs).
import { demoUser } from '../demoUser';

export const instant = false;

export default async function Page() {
  await demoUser();
  return <h1>Connect your devices</h1>;
}
