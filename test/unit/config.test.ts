import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

const SECRET = 'x'.repeat(40);

describe('configuration', () => {
  test('production refuses to start without JWT_SECRET', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET }).introspection).toBe(false);
  });

  test('development allows introspection and works without a secret', () => {
    const c = loadConfig({});
    expect(c.introspection).toBe(true);
    expect(c.jwtSecret).toBeNull();
    expect(c.port).toBe(4000);
  });

  test('DATABASE_URL: embedded SQLite by default, sqlite:PATH, mysql:// and mariadb://', () => {
    expect(loadConfig({ DATA_DIR: '/tmp/d' }).database).toEqual({ dialect: 'sqlite', file: path.join('/tmp/d', 'inspection.sqlite') });
    expect(loadConfig({ DATABASE_URL: 'sqlite:/tmp/x.sqlite' }).database).toEqual({ dialect: 'sqlite', file: '/tmp/x.sqlite' });
    expect(loadConfig({ DATABASE_URL: 'mysql://u:p@h:3306/db' }).database).toEqual({ dialect: 'mysql', url: 'mysql://u:p@h:3306/db' });
    expect(loadConfig({ DATABASE_URL: 'mariadb://u@h/db' }).database).toEqual({ dialect: 'mysql', url: 'mysql://u@h/db' });
    expect(() => loadConfig({ DATABASE_URL: 'postgres://h/db' })).toThrow(/must start with sqlite: or mysql:\/\//);
  });

  test('bad values are refused with the variable named', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET must be at least 32/);
    expect(() => loadConfig({ BOOTSTRAP_ADMIN_USERNAME: 'root' })).toThrow(/go together/);
    expect(() => loadConfig({ BOOTSTRAP_ADMIN_USERNAME: 'root', BOOTSTRAP_ADMIN_PASSWORD: 'short' })).toThrow(/at least 8/);
  });
});
