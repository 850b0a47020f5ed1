import { Route, Router, type RouteSectionProps } from '@solidjs/router';
import { lazy } from 'solid-js';
import { render } from 'solid-js/web';
import { Shell } from './components/shell';
import { RegionContext, createRegion } from './stores/region';
import { SessionContext, createSession } from './stores/session';
import './styles.css';

const Calendar = lazy(() => import('./pages/calendar/calendar-page'));
const OfferPage = lazy(() => import('./pages/offer/offer-page'));
const SignIn = lazy(() => import('./pages/sign-in/sign-in-page'));
const FamilyPage = lazy(() => import('./pages/family/family-page'));
const BookingsPage = lazy(() => import('./pages/bookings/bookings-page'));
const ProviderOffers = lazy(() => import('./pages/provider/provider-offers-page'));
const OfferEditor = lazy(() => import('./pages/provider/offer-editor-page'));
const Participants = lazy(() => import('./pages/provider/participants-page'));
const Dashboard = lazy(() => import('./pages/dashboard/dashboard-page'));
const Embed = lazy(() => import('./pages/embed/embed-page'));
const EmbedInfo = lazy(() => import('./pages/embed/embed-info-page'));
const Programme = lazy(() => import('./pages/programme/programme-page'));
const EasyRead = lazy(() => import('./pages/programme/easy-read-page'));
const Wishes = lazy(() => import('./pages/programme/wishes-page'));
const DrawResult = lazy(() => import('./pages/programme/result-page'));
const AdminProgrammes = lazy(() => import('./pages/admin/programmes-page'));
const AdminProgramme = lazy(() => import('./pages/admin/programme-admin-page'));
const Privacy = lazy(() => import('./pages/info/privacy-page'));
const Accessibility = lazy(() => import('./pages/info/accessibility-page'));
const EasyReadAbout = lazy(() => import('./pages/info/easy-read-page'));
const NotFound = lazy(() => import('./pages/not-found-page'));

/** Session and region are loaded once and shared by every page, the embedded calendar included. */
function Providers(props: RouteSectionProps) {
  return (
    <SessionContext.Provider value={createSession()}>
      <RegionContext.Provider value={createRegion()}>{props.children}</RegionContext.Provider>
    </SessionContext.Provider>
  );
}

render(
  () => (
    <Router root={Providers}>
      <Route path="/embed" component={Embed} />
      <Route path="/" component={Shell}>
        <Route path="/" component={Calendar} />
        <Route path="/offers/:id" component={OfferPage} />
        <Route path="/sign-in" component={SignIn} />
        <Route path="/family" component={FamilyPage} />
        <Route path="/bookings" component={BookingsPage} />
        <Route path="/provider" component={ProviderOffers} />
        <Route path="/provider/offers/new" component={OfferEditor} />
        <Route path="/provider/offers/:id/edit" component={OfferEditor} />
        <Route path="/provider/offers/:id" component={Participants} />
        <Route path="/dashboard" component={Dashboard} />
        <Route path="/embed-info" component={EmbedInfo} />
        <Route path="/programmes/:id" component={Programme} />
        <Route path="/programmes/:id/leichte-sprache" component={EasyRead} />
        <Route path="/programmes/:id/wishes" component={Wishes} />
        <Route path="/programmes/:id/result" component={DrawResult} />
        <Route path="/admin/programmes" component={AdminProgrammes} />
        <Route path="/admin/programmes/:id" component={AdminProgramme} />
        <Route path="/datenschutz" component={Privacy} />
        <Route path="/barrierefreiheit" component={Accessibility} />
        <Route path="/leichte-sprache" component={EasyReadAbout} />
        <Route path="*" component={NotFound} />
      </Route>
    </Router>
  ),
  document.getElementById('root') as HTMLElement,
);
