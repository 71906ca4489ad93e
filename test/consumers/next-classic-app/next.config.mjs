/**
 * Next.js without Cache Components (its default): a page that reads no request data is prerendered at
 * build time, once, for everybody. The server widget must opt its route out on its own.
 * @type {import('next').NextConfig}
 */
export default {};
