/** True in `wxt build --mode e2e`: loopback portals allowed, shadow roots open for tests. */
declare const __E2E__: boolean;
