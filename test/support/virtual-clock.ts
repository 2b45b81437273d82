/** A clock that only moves when someone sleeps: send times are exact and the test takes no real time. */
export function virtualClock(start: number) {
  let now = start;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}
