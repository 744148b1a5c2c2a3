# The celltrail API. Build: docker build -t celltrail-api .   Run: see docker-compose.yml.

# Node 24, the current LTS, on Debian trixie (glibc: @kurrent/bridge ships a prebuilt linux-x64-gnu binary
# for it); CI runs the test suite on Node 20, 22 and 24 (README, "The two commands"). The build stage uses the full image, which carries python3, make and g++ for
# better-sqlite3's fallback build, so the build needs nothing but an npm registry; the runtime stage
# uses the slim image of the same Node and Debian release, so the compiled module matches.
ARG NODE_BUILD_IMAGE=node:24.22.3-trixie
ARG NODE_IMAGE=node:24.22.3-trixie-slim

FROM ${NODE_BUILD_IMAGE} AS build
WORKDIR /app
# Where better-sqlite3's prebuilt binary cannot be downloaded (GitHub unreachable), node-gyp compiles
# it against the headers this image ships instead of downloading them.
ENV npm_config_nodedir=/usr/local
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY projections ./projections
COPY scripts ./scripts
COPY bench ./bench
COPY test/support ./test/support
# The web console's static files (console/dist), served at /console.
COPY console ./console
RUN npm run build \
 && node scripts/build-if-stale.js --console-only \
 && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=4000 \
    DATA_DIR=/data
WORKDIR /app
# Production dependencies only (compiled native modules included), the compiled server and CLIs, and
# the script the npm scripts start with (without sources it builds nothing), so that both
# `node dist/src/cli/verify.js` and `npm run -s verify` work in the container without tsc.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/dist/projections ./dist/projections
COPY --from=build /app/console/dist ./console/dist
COPY --from=build /app/scripts/build-if-stale.js ./scripts/build-if-stale.js
# DATA_DIR for the embedded default (SQLite); mount a volume there (docker run -v celltrail-data:/data …).
# docker-compose.yml keeps nothing there: events live in KurrentDB, read models in MongoDB.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--max-semi-space-size=64", "dist/src/main.js"]
