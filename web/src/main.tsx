import { render } from 'solid-js/web';

render(() => <main><h1>regiokurs</h1></main>, document.getElementById('root')!);
