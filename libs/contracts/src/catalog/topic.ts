/** The demo domain's topics. Events about one order share a key, so they share a partition. */
export const Topic = {
  Orders: 'orders',
  Shipments: 'shipments',
} as const;
export type Topic = (typeof Topic)[keyof typeof Topic];
