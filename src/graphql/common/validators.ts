import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** The value must be below another numeric field of the same input (e.g. concentrate below aspirate). */
export function IsLessThanField(other: string, options?: ValidationOptions) {
  return (target: object, propertyName: string): void => {
    registerDecorator({
      name: 'isLessThanField',
      target: target.constructor,
      propertyName,
      constraints: [other],
      options: { message: `${propertyName} must be below ${other}`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          const otherValue = (args.object as Record<string, unknown>)[other];
          if (typeof value !== 'number' || typeof otherValue !== 'number') return true;
          return value < otherValue;
        },
      },
    });
  };
}

/** Not blank after trimming. */
export function IsNotBlank(options?: ValidationOptions) {
  return (target: object, propertyName: string): void => {
    registerDecorator({
      name: 'isNotBlank',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must not be blank`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && value.trim().length > 0 },
    });
  };
}

/** A calendar date (YYYY-MM-DD) not after today, anywhere on Earth (today in UTC+14 at the latest). */
export function IsNotFutureDate(options?: ValidationOptions) {
  return (target: object, propertyName: string): void => {
    registerDecorator({
      name: 'isNotFutureDate',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must not be in the future`, ...options },
      validator: {
        validate(value: unknown): boolean {
          const latest = new Date(Date.now() + 14 * 60 * 60 * 1000).toISOString().slice(0, 10);
          return typeof value === 'string' && value <= latest;
        },
      },
    });
  };
}
