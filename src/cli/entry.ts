import { main } from './main.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`flannel-doctor: ${String(err)}\n`);
    process.exitCode = 2;
  },
);
