// What each reference page must document, checked by scripts/docs/checkReference.mjs against the built
// declarations. A new public props or options type gets a line here and a marked table on its page.

/** @type {import('./checkReference.mjs').ReferenceSubject[]} */
export const REFERENCE_SUBJECTS = [
  {
    page: 'stories/guides/ReferenceThryveConnectProvider.mdx',
    module: '@thryve-connect/react',
    type: 'ThryveConnectProviderProps',
  },
  {
    page: 'stories/guides/ReferenceThryveConnectProvider.mdx',
    module: '@thryve-connect/core',
    type: 'ThryveEvent',
    discriminant: 'type',
  },
  {
    page: 'stories/guides/ReferenceThryveConnectionWidget.mdx',
    module: '@thryve-connect/react',
    type: 'ThryveConnectionWidgetProps',
  },
  {
    page: 'stories/guides/ReferenceThryveConnectionWidget.mdx',
    module: '@thryve-connect/react/server',
    type: 'ServerConnectionWidgetProps',
  },
  {
    page: 'stories/guides/ReferenceDataSourcePicker.mdx',
    module: '@thryve-connect/react',
    type: 'DataSourcePickerProps',
  },
  {
    page: 'stories/guides/HooksReference.mdx',
    module: '@thryve-connect/react',
    type: 'UseConnectionSessionOptions',
  },
  {
    page: 'stories/guides/HooksReference.mdx',
    module: '@thryve-connect/react',
    function: 'usePrefetchConnectionSession',
  },
  {
    page: 'stories/guides/HooksReference.mdx',
    module: '@thryve-connect/react',
    type: 'UseDataSourcesOptions',
  },
  {
    page: 'stories/guides/HooksReference.mdx',
    module: '@thryve-connect/react',
    type: 'UseDataSourceConnectionOptions',
  },
  {
    page: 'stories/guides/HooksReference.mdx',
    module: '@thryve-connect/react',
    type: 'UseConnectionResultOptions',
  },
  { page: 'stories/guides/StylingReference.mdx', stylesheet: 'packages/react/dist/styles.css' },
];
