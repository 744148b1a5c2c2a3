/** Chart.js, registered once with only the parts the console draws (tree-shaken). */
import { BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineElement, PointElement, Title, Tooltip } from 'chart.js';

Chart.register(BarElement, CategoryScale, LinearScale, LineElement, PointElement, Filler, Legend, Title, Tooltip);
// The console's own page is the only context: no animation, so a chart is final when first drawn.
Chart.defaults.animation = false;
