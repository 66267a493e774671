# diplograph's GraphQL server, for docker-compose.yml (serves the Neo4j store).
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY src ./src
COPY ingest ./ingest
COPY schema.graphql ./
COPY explorer ./explorer
COPY samples ./samples
RUN npm ci && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app ./
EXPOSE 4000
ENTRYPOINT ["node", "bin/diplograph.js"]
CMD ["serve", "--store", "neo4j", "--host", "0.0.0.0", "--port", "4000"]
