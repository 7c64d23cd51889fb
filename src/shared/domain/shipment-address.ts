import type { Address } from './fields';
import type { ShipmentStatus } from './shipments';

/**
 * Where a parcel goes, and when it has to wait for an address. A parcel
 * still to ship goes to the creator's address as it is now (they correct it
 * late), unless an address was given for this parcel itself; once it has
 * left, the address it was sent to is history and stays.
 */
export interface AddressedShipment {
  status: ShipmentStatus;
  address: Address | null;
  addressFixed?: boolean;
  orderName: string;
}

export function shipmentAddress(shipment: AddressedShipment, profileAddress: Address | null | undefined): Address | null {
  if (shipment.status !== 'to-ship' || shipment.addressFixed) return shipment.address;
  if (profileAddress && addressGaps(profileAddress).length === 0) return profileAddress;
  if (shipment.address && addressGaps(shipment.address).length === 0) return shipment.address;
  return profileAddress ?? shipment.address;
}

/** The parts a warehouse cannot ship without, as people name them. */
export function addressGaps(address: Address | null | undefined): string[] {
  if (!address) return ['address'];
  return [
    !address.line1.trim() && 'street address',
    !address.city.trim() && 'city',
    !address.postalCode.trim() && 'postal code',
    !address.country.trim() && 'country',
  ].filter((part): part is string => !!part);
}

/** Why an address cannot take a parcel, or null when it can. */
export function addressProblem(address: Address | null | undefined): string | null {
  const gaps = addressGaps(address);
  if (!gaps.length) return null;
  return gaps[0] === 'address' ? 'No shipping address yet' : `The address has no ${gaps.join(', ')}`;
}

/** A parcel still to ship with no usable address waits: no export, no tracking number, not shipped. */
export function needsAddress(shipment: AddressedShipment, profileAddress: Address | null | undefined): boolean {
  return shipment.status === 'to-ship' && addressProblem(shipmentAddress(shipment, profileAddress)) !== null;
}

/** The sentence said when a waiting parcel is asked to leave (export, tracking, "shipped"); null when it may. */
export function addressHold(shipment: AddressedShipment, profileAddress: Address | null | undefined, creatorName: string): string | null {
  if (!needsAddress(shipment, profileAddress)) return null;
  const problem = addressProblem(shipmentAddress(shipment, profileAddress))!;
  return `${shipment.orderName} for ${creatorName} needs an address first (${problem.charAt(0).toLowerCase()}${problem.slice(1)}): add it on ${creatorName}'s profile or on the shipment.`;
}
