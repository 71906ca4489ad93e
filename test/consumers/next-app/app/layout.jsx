import '@thryve-connect/react/styles.css';

export const metadata = { title: 'Next consumer', icons: { icon: 'data:,' } };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>
        <main>{children}</main>
      </body>
    </html>
  );
}
