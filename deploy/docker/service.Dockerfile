# syntax=docker/dockerfile:1
# One image per service of the monorepo:
#   docker build -f deploy/docker/service.Dockerfile --build-arg SERVICE=stt -t va/stt .
# SERVICE is a directory name under services/ (media-gateway, stt, dialog-manager, tts,
# tool-executor, outbound-scheduler).

FROM node:24-bookworm-slim AS build
ARG SERVICE
WORKDIR /app
COPY . .
RUN test -n "$SERVICE" && test -f "services/${SERVICE}/package.json" \
    || { echo "build arg SERVICE must name a directory under services/" >&2; exit 1; }
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
RUN npx tsc -b tsconfig.build.json
# Compiled tests, build caches and dev dependencies stay out of the runtime image.
RUN find libs services -path '*/node_modules' -prune -o -type f \
      \( -name '*.test.js' -o -name '*.test.js.map' -o -name '*.test.d.ts' -o -name '*.test.d.ts.map' \
         -o -name '*.tsbuildinfo' \) -print0 | xargs -0 rm -f \
 && npm prune --omit=dev --no-audit --no-fund \
 && test -f "services/${SERVICE}/dist/main.js"

FROM node:24-bookworm-slim
ARG SERVICE
# kafkajs 2.2.4 schedules one timer with a negative delay (clamped to 1 ms by Node); its
# warning is noise in the JSON log stream.
ENV NODE_ENV=production \
    SERVICE=${SERVICE} \
    HTTP_PORT=8080 \
    NODE_OPTIONS=--disable-warning=TimeoutNegativeWarning
WORKDIR /app
# The tts service's offline fallback voice (the last link of its provider chain).
RUN if [ "$SERVICE" = "tts" ]; then \
      apt-get update && apt-get install -y --no-install-recommends espeak-ng && rm -rf /var/lib/apt/lists/*; \
    fi
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/libs ./libs
COPY --from=build --chown=node:node /app/services ./services
USER node
EXPOSE 8080
STOPSIGNAL SIGTERM
# `exec` makes node replace the shell as PID 1, so SIGTERM reaches it and it drains calls.
CMD ["sh", "-c", "exec node services/$SERVICE/dist/main.js"]
