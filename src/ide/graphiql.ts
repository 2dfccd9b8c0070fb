/**
 * GraphiQL, the GraphQL IDE, served by the service itself from its installed packages: the page
 * at `GET /graphql` (a browser asking for HTML) and its scripts and styles under `/graphiql/`.
 * Nothing is loaded from elsewhere, so the IDE works on a network without internet access.
 * Mounted when `GRAPHQL_IDE` allows it (development by default, never in production unless
 * asked for); the API itself is unaffected.
 */
import path from 'node:path';
import type { Express, Request } from 'express';

/** A file of an installed package (by its folder: react's `exports` hide the UMD builds from require). */
const packageFile = (name: string, file: string) => path.join(path.dirname(require.resolve(`${name}/package.json`)), file);

/** The files the page loads, by the name it loads them under. */
function assets(): Record<string, { file: string; type: string }> {
  return {
    'react.production.min.js': { file: packageFile('react', 'umd/react.production.min.js'), type: 'text/javascript' },
    'react-dom.production.min.js': { file: packageFile('react-dom', 'umd/react-dom.production.min.js'), type: 'text/javascript' },
    'graphiql.min.js': { file: packageFile('graphiql', 'graphiql.min.js'), type: 'text/javascript' },
    'graphiql.min.css': { file: packageFile('graphiql', 'graphiql.min.css'), type: 'text/css' },
  };
}

const START = `(function () {
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  var fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultHeaders: '{\\n  "Authorization": "Bearer <token>"\\n}',
    defaultEditorToolsVisibility: 'headers',
    defaultQuery: '# Sign in with the login mutation, put its token in the headers below, then run a query.\\n# 用 login 登录，把 token 填入下方请求头后执行查询。\\n\\n{\\n  me {\\n    username\\n  }\\n}\\n',
  }));
})();
`;

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>GraphiQL</title>
<link rel="stylesheet" href="/graphiql/graphiql.min.css">
<style>body { margin: 0; } #graphiql { height: 100vh; }</style>
</head>
<body>
<div id="graphiql">GraphiQL…</div>
<script src="/graphiql/react.production.min.js"></script>
<script src="/graphiql/react-dom.production.min.js"></script>
<script src="/graphiql/graphiql.min.js"></script>
<script src="/graphiql/start.js"></script>
</body>
</html>
`;

/** A browser opening /graphql: GET, HTML preferred to JSON, no operation in the query string. */
function wantsPage(req: Request): boolean {
  return req.query.query === undefined && req.accepts(['application/json', 'text/html']) === 'text/html';
}

/** Mounts the IDE's page and files; call before the /graphql route of the API. */
export function mountGraphiql(app: Express): void {
  const files = assets();
  app.get('/graphql', (req, res, next) => {
    if (!wantsPage(req)) return next();
    res.type('html').set('cache-control', 'no-store').send(PAGE);
  });
  app.get('/graphiql/start.js', (_req, res) => {
    res.type('text/javascript').send(START);
  });
  app.get('/graphiql/:file', (req, res, next) => {
    const asset = Object.hasOwn(files, req.params.file) ? files[req.params.file] : undefined;
    if (!asset) return next();
    res.type(asset.type).set('cache-control', 'public, max-age=3600').sendFile(asset.file);
  });
}
