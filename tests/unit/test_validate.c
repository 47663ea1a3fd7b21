/* test_validate.c: libxml2's schema messages reworded into csdoc's words. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "validate.h"

static void
S_reword(const char *in, const char *want)
{
	char *got = validate_reword(in);

	assert_string_equal(got, want);
	free(got);
}

static void
test_reword(void **state)
{
	(void)state;
	S_reword("Element '{urn:csdoc:1}bogus': This element is not expected. Expected is ( {urn:csdoc:1}p ).\n",
	    "element <bogus> is not allowed here: expected <p>");
	S_reword("Element '{urn:csdoc:1}row': This element is not expected. Expected is one of ( {urn:csdoc:1}caption, {urn:csdoc:1}column ).\n",
	    "element <row> is not allowed here: expected one of <caption>, <column>");
	S_reword("Element '{urn:csdoc:1}meeting': Missing child element(s). Expected is ( {urn:csdoc:1}date ).\n",
	    "<meeting> is missing a required element: expected <date>");
	S_reword("Element '{urn:csdoc:1}action': The attribute 'owner' is required but missing.\n",
	    "<action> is missing the required attribute 'owner'");
	S_reword("Element '{urn:csdoc:1}person', attribute 'foo': The attribute 'foo' is not allowed.\n",
	    "attribute 'foo' is not allowed on <person>");
	S_reword("Element '{urn:csdoc:1}date': '2011-13-10' is not a valid value of the atomic type '{urn:csdoc:1}date'.\n",
	    "bad value '2011-13-10' for <date>: expected a date written YYYY-MM-DD, e.g. 2011-03-10");
	S_reword("Element '{urn:csdoc:1}attendee', attribute 'chair': [facet 'enumeration'] The value 'maybe' is not an element of the set {'yes', 'no'}.\n",
	    "bad value 'maybe' for attribute 'chair' of <attendee>: expected one of 'yes', 'no'");
	S_reword("Element '{urn:csdoc:1}start': [facet 'pattern'] The value '9.30' is not accepted by the pattern '([01][0-9]|2[0-3]):[0-5][0-9]'.\n",
	    "bad value '9.30' for <start>: expected a time HH:MM on the 24-hour clock, e.g. 09:30 or 14:00");
	S_reword("Element '{urn:csdoc:1}p': Character content other than whitespace is not allowed because the content type is 'element-only'.\n",
	    "text is not allowed directly in <p>: put it in an element such as <p>");
	/* a value close to one of the list, or a date or time written another way: the fix */
	S_reword("Element '{urn:csdoc:1}attendee', attribute 'chair': [facet 'enumeration'] The value 'Yes' is not an element of the set {'yes', 'no'}.\n",
	    "bad value 'Yes' for attribute 'chair' of <attendee>: expected one of 'yes', 'no'; did you mean 'yes'?");
	S_reword("Element '{urn:csdoc:1}date': '17/11/2010' is not a valid value of the atomic type '{urn:csdoc:1}date'.\n",
	    "bad value '17/11/2010' for <date>: expected a date written YYYY-MM-DD, e.g. 2011-03-10; did you mean '2010-11-17'?");
	S_reword("Element '{urn:csdoc:1}start': [facet 'pattern'] The value '2pm' is not accepted by the pattern '([01][0-9]|2[0-3]):[0-5][0-9]'.\n",
	    "bad value '2pm' for <start>: expected a time HH:MM on the 24-hour clock, e.g. 09:30 or 14:00; did you mean '14:00'?");
	/* nothing close, or no one reading: the message alone */
	S_reword("Element '{urn:csdoc:1}attendee', attribute 'chair': [facet 'enumeration'] The value 'perhaps' is not an element of the set {'yes', 'no'}.\n",
	    "bad value 'perhaps' for attribute 'chair' of <attendee>: expected one of 'yes', 'no'");
	S_reword("Element '{urn:csdoc:1}date': '11/17/2010' is not a valid value of the atomic type '{urn:csdoc:1}date'.\n",
	    "bad value '11/17/2010' for <date>: expected a date written YYYY-MM-DD, e.g. 2011-03-10");
	/* a message csdoc does not know passes through, names cleaned up */
	S_reword("Element '{urn:csdoc:1}x': Something new.\n", "<x>: Something new");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reword),
	};

	return cmocka_run_group_tests_name("validate", tests, NULL, NULL);
}
