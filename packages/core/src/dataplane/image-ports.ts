/**
 * Images whose default command is known to serve a port: the official
 * images' own configuration (nginx's default.conf `listen 80`, httpd's
 * `Listen 80`, postgres's `port = 5432`...), which is also what their
 * Dockerfiles EXPOSE. A container running such an image with its default
 * command answers there; a trace says so, naming the image.
 */

const SERVED: Readonly<Record<string, readonly string[]>> = Object.freeze({
  nginx: ['tcp/80'],
  httpd: ['tcp/80'],
  caddy: ['tcp/80', 'tcp/443'],
  traefik: ['tcp/80'],
  haproxy: ['tcp/80'],
  redis: ['tcp/6379'],
  postgres: ['tcp/5432'],
  mysql: ['tcp/3306'],
  mariadb: ['tcp/3306'],
  mongo: ['tcp/27017'],
  memcached: ['tcp/11211'],
  rabbitmq: ['tcp/5672'],
  elasticsearch: ['tcp/9200', 'tcp/9300'],
  registry: ['tcp/5000'],
  'grafana/grafana': ['tcp/3000'],
  'prom/prometheus': ['tcp/9090'],
})

/** An image reference without registry, `library/`, tag or digest: "docker.io/library/nginx:1.25" is "nginx". */
export function imageRepository(image: string): string {
  let ref = image.split('@')[0] ?? image
  const slash = ref.lastIndexOf('/')
  const colon = ref.lastIndexOf(':')
  if (colon > slash) ref = ref.slice(0, colon)
  ref = ref.replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '')
  return ref.replace(/^library\//, '')
}

/**
 * The "proto/port" keys an image's default command serves, if known.
 *
 * @example
 * portsServedByImage('nginx:alpine') // ['tcp/80']
 * portsServedByImage('busybox') // []
 */
export function portsServedByImage(image: string): readonly string[] {
  return SERVED[imageRepository(image)] ?? []
}
