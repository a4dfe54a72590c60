// Checks every object of a rendered kustomization (YAML on stdin) against the Kubernetes API schema, offline,
// with the JSON schemas that the kubernetes-models package carries. Unknown fields, wrong types and missing
// required fields fail. Exit code 1 on any invalid or unknown object.
import { readFileSync } from "node:fs";
import yaml from "js-yaml";

const docs = yaml.loadAll(readFileSync(0, "utf8")).filter(Boolean);
let failures = 0;
for (const doc of docs) {
  const { apiVersion, kind } = doc;
  const name = `${kind}/${doc.metadata?.name}`;
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  const module = group ? `kubernetes-models/${group}/${version}/${kind}` : `kubernetes-models/${version}/${kind}`;
  try {
    const Model = (await import(module))[kind];
    new Model(doc).validate();
    console.log(`valid    ${apiVersion} ${name}`);
  } catch (error) {
    failures++;
    console.log(`INVALID  ${apiVersion} ${name}: ${error.message}`);
  }
}
console.log(`${docs.length - failures} of ${docs.length} objects valid`);
process.exit(failures === 0 && docs.length > 0 ? 0 : 1);
