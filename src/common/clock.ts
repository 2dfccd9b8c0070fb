import { localDateOf } from './dates';

/** "Now" and "today" come from a clock so that tests can fix them. */
export interface Clock {
  now(): Date;
  /** Today as YYYY-MM-DD in China Standard Time. */
  today(): string;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => localDateOf(new Date()),
};

/** A clock tests can set; `today` follows `now` unless fixed separately. */
export class SettableClock implements Clock {
  private instant: Date;
  constructor(start: Date | string = new Date()) {
    this.instant = typeof start === 'string' ? new Date(`${start}T09:00:00+08:00`) : start;
  }
  now(): Date {
    return new Date(this.instant.getTime());
  }
  today(): string {
    return localDateOf(this.instant);
  }
  /** Sets the clock to 09:00 China Standard Time of a date, or to an instant. */
  set(to: Date | string) {
    this.instant = typeof to === 'string' ? new Date(`${to}T09:00:00+08:00`) : to;
  }
}
