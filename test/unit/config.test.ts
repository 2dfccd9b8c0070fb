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
    expect(() => loadConfig({ SEPARATION_OF_DUTIES: 'yes' })).toThrow(/SEPARATION_OF_DUTIES must be on or off/);
  });

  test('BOOTSTRAP_ADMIN_PASSWORD must meet the default password policy', () => {
    const bootstrap = (password: string) => () => loadConfig({ BOOTSTRAP_ADMIN_USERNAME: 'root', BOOTSTRAP_ADMIN_PASSWORD: password });
    expect(bootstrap('Sh0rt!')).toThrow(/BOOTSTRAP_ADMIN_PASSWORD: .*at least 10 characters/);
    expect(bootstrap('alllowercaseletters')).toThrow(/at least 3 of upper case, lower case, digits and symbols/);
    expect(bootstrap('Root-Password-1')).toThrow(/must not contain the username/);
    expect(loadConfig({ BOOTSTRAP_ADMIN_USERNAME: 'root', BOOTSTRAP_ADMIN_PASSWORD: 'Chosen-Pass-2025' }).bootstrapAdmin).toEqual({ username: 'root', password: 'Chosen-Pass-2025' });
  });

  test('separation of duties is off unless turned on; TRUST_PROXY takes express forms', () => {
    expect(loadConfig({}).separationOfDuties).toBe(false);
    expect(loadConfig({ SEPARATION_OF_DUTIES: 'on' }).separationOfDuties).toBe(true);
    expect(loadConfig({ SEPARATION_OF_DUTIES: 'OFF' }).separationOfDuties).toBe(false);
    expect([undefined, 'false', 'true', '2', 'loopback, 10.0.0.0/8'].map((v) => loadConfig({ TRUST_PROXY: v }).trustProxy)).toEqual([false, false, true, 2, 'loopback, 10.0.0.0/8']);
  });

  test('GRAPHQL_IDE: on outside production, off in production, either way when set', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).graphqlIde).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).graphqlIde).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), GRAPHQL_IDE: 'on' }).graphqlIde).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', GRAPHQL_IDE: 'OFF' }).graphqlIde).toBe(false);
    expect(() => loadConfig({ GRAPHQL_IDE: 'yes' })).toThrow(/GRAPHQL_IDE/);
  });
});
