import { getLink } from './src/model/links.js';
import { cachedBasin } from './src/landscape/landscapeSummary.js';
import { populationHessian, blockEigenvalues } from './src/landscape/population.js';
for (const link of ['gelu','swish']) {
const b = cachedBasin(link as any, 1); const at=b.at!; const len=Math.hypot(at[0]-1,at[1]); const dir=[(at[0]-1)/len, at[1]/len];
console.log(link, b.radius, at, dir);
for (let t=0; t<=1.6*b.radius; t+=b.radius/10) { const h=populationHessian(getLink(link), 1+t*dir[0], t*dir[1], 1); console.log(t.toFixed(3), blockEigenvalues(h).map(v=>v.toFixed(4)).join(' '), h.complement.toFixed(4)); }
}
