// Run once by the mongo image's entrypoint, when the data volume is new (before authentication is on):
// the API's own user, readWrite on its database and nothing else (no admin, no other database).
// Its password comes from the secret file that deploy/setup.sh wrote into the API's MONGODB_URL too.
const password = require('fs').readFileSync('/run/secrets/mongodb-app-password', 'utf8').trim();
db.getSiblingDB('celltrail').createUser({
  user: 'celltrail',
  pwd: password,
  roles: [{ role: 'readWrite', db: 'celltrail' }],
});
