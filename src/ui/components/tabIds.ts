/** Ids that tie each tab of Tabs to its panel. */

/** tabId and panelId tie a tab to its panel. */
export const tabId = (id: string) => `tab-${id}`;
export const panelId = (id: string) => `panel-${id}`;

/** tabPanelProps are the attributes of the panel that belongs to tab `id`. */
export function tabPanelProps(id: string) {
  return {
    role: 'tabpanel' as const,
    id: panelId(id),
    'aria-labelledby': tabId(id),
  };
}
